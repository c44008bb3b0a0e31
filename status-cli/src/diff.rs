//! A unified line diff for `fmt --check`: small enough to keep here rather than add a crate.

/// How many unchanged lines to show around each change.
const CONTEXT: usize = 3;
/// Above this many cells the longest-common-subsequence table is not built; the changed
/// middle is shown as one replacement instead.
const MAX_CELLS: usize = 16_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Delete,
    Insert,
}

/// `old` and `new` as a unified diff (`--- name`, `+++ name (formatted)`, `@@` hunks).
pub(crate) fn unified(name: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = script(&a, &b);
    let mut out = format!("--- {name}\n+++ {name} (formatted)\n");
    for hunk in hunks(&ops) {
        write_hunk(
            &mut out,
            &ops[hunk.0..hunk.1],
            &a,
            &b,
            position(&ops, hunk.0),
        );
    }
    out
}

/// The edit script: common prefix and suffix, and an LCS alignment of what is between.
fn script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut ops = vec![Op::Same; prefix];
    ops.extend(middle(
        &a[prefix..a.len() - suffix],
        &b[prefix..b.len() - suffix],
    ));
    ops.extend(std::iter::repeat_n(Op::Same, suffix));
    ops
}

fn middle(a: &[&str], b: &[&str]) -> Vec<Op> {
    if a.len().saturating_mul(b.len()) > MAX_CELLS {
        return [vec![Op::Delete; a.len()], vec![Op::Insert; b.len()]].concat();
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push(Op::Same);
            (i, j) = (i + 1, j + 1);
        } else if j == b.len()
            || (i < a.len() && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
        {
            ops.push(Op::Delete);
            i += 1;
        } else {
            ops.push(Op::Insert);
            j += 1;
        }
    }
    ops
}

/// Ranges of `ops` to show: each change with its context, overlapping ones merged.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for (k, op) in ops.iter().enumerate() {
        if *op == Op::Same {
            continue;
        }
        let start = k.saturating_sub(CONTEXT);
        let end = (k + 1 + CONTEXT).min(ops.len());
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => hunks.push((start, end)),
        }
    }
    hunks
}

/// The line index in `a` and in `b` at which op `k` starts.
fn position(ops: &[Op], k: usize) -> (usize, usize) {
    ops[..k].iter().fold((0, 0), |(i, j), op| match op {
        Op::Same => (i + 1, j + 1),
        Op::Delete => (i + 1, j),
        Op::Insert => (i, j + 1),
    })
}

fn write_hunk(
    out: &mut String,
    ops: &[Op],
    a: &[&str],
    b: &[&str],
    (mut i, mut j): (usize, usize),
) {
    let old_len = ops.iter().filter(|op| **op != Op::Insert).count();
    let new_len = ops.iter().filter(|op| **op != Op::Delete).count();
    out.push_str(&format!(
        "@@ -{} +{} @@\n",
        range(i, old_len),
        range(j, new_len)
    ));
    for op in ops {
        match op {
            Op::Same => {
                out.push_str(&format!(" {}\n", a[i]));
                (i, j) = (i + 1, j + 1);
            }
            Op::Delete => {
                out.push_str(&format!("-{}\n", a[i]));
                i += 1;
            }
            Op::Insert => {
                out.push_str(&format!("+{}\n", b[j]));
                j += 1;
            }
        }
    }
}

/// A hunk range in unified-diff form: 1-based start, and the length unless it is 1.
fn range(start: usize, len: usize) -> String {
    match len {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{len}", start + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changes_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n";
        let expected =
            "--- x\n+++ x (formatted)\n@@ -2,8 +2,9 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n+j\n";
        assert_eq!(unified("x", old, new), expected);
    }

    #[test]
    fn separates_distant_changes() {
        let old: String = (0..20).map(|i| format!("l{i}\n")).collect();
        let new = old.replace("l2\n", "two\n").replace("l17\n", "seventeen\n");
        let diff = unified("x", &old, &new);
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(
            diff.contains("@@ -1,6 +1,6 @@\n l0\n l1\n-l2\n+two\n"),
            "{diff}"
        );
    }

    #[test]
    fn no_difference_no_hunk() {
        assert_eq!(unified("x", "a\n", "a\n"), "--- x\n+++ x (formatted)\n");
    }
}
