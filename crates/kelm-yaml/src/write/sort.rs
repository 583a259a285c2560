//! The order in which yaml.v2 and yaml.v3 write mapping keys (`sorter.go`): a "natural"
//! order where runs of digits compare as numbers (`item9` before `item10`), a non-letter
//! sorts before a letter (`a_b` before `ab`), and letters compare by code point.
//!
//! yaml.v3 changed one rule: right after a run of equal digits, a letter sorts before a
//! non-letter (`1a` before `1_`).
//!
//! Go sorts with `sort.Sort`, whose result is only well defined when the comparison is
//! a strict weak order. It is antisymmetric and total on distinct strings, but not always
//! transitive (numeric and code point comparisons mix); for such key sets Go's output
//! depends on the random map iteration order, and any order here is as good. The sort
//! below never panics on an inconsistent comparison.

use kelm_strconv::unicode;

/// Which library's rules to follow.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum KeyOrder {
    /// yaml.v2 (`toYaml`, `sigs.k8s.io/yaml`).
    V2,
    /// yaml.v3 (`toYamlPretty`).
    V3,
}

/// Go's `unicode.IsLetter`.
fn is_letter(c: u32) -> bool {
    char::from_u32(c).is_some_and(unicode::is_letter)
}

/// Go's `unicode.IsDigit`.
fn is_digit(c: u32) -> bool {
    char::from_u32(c).is_some_and(unicode::is_digit)
}

/// `keyList.Less` for two keys given as code points.
fn less<T: Copy + Into<u32>>(a: &[T], b: &[T], order: KeyOrder) -> bool {
    let ch = |s: &[T], i: usize| -> u32 { s[i].into() };
    let mut digits = false;
    for i in 0..a.len().min(b.len()) {
        let (ac, bc) = (ch(a, i), ch(b, i));
        if ac == bc {
            digits = is_digit(ac);
            continue;
        }
        let al = is_letter(ac);
        let bl = is_letter(bc);
        if al && bl {
            return ac < bc;
        }
        if al || bl {
            return if order == KeyOrder::V3 && digits {
                al
            } else {
                bl
            };
        }
        // Two non-letters: compare the digit runs starting here as numbers (an empty
        // run is 0). A zero inside a longer number is compared as if led by a 1, so
        // that `a10` and `a1_` don't tie on the value of their tails.
        let mut an: i64 = 0;
        let mut bn: i64 = 0;
        if ac == u32::from(b'0') || bc == u32::from(b'0') {
            let mut j = i;
            while j > 0 && is_digit(ch(a, j - 1)) {
                j -= 1;
                if ch(a, j) != u32::from(b'0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < a.len() && is_digit(ch(a, ai)) {
            an = an
                .wrapping_mul(10)
                .wrapping_add(i64::from(ch(a, ai)) - i64::from(b'0'));
            ai += 1;
        }
        let mut bi = i;
        while bi < b.len() && is_digit(ch(b, bi)) {
            bn = bn
                .wrapping_mul(10)
                .wrapping_add(i64::from(ch(b, bi)) - i64::from(b'0'));
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ac < bc;
    }
    a.len() < b.len()
}

/// A key prepared for comparison: its bytes when ASCII, else its code points.
enum SortKey<'a> {
    Ascii(&'a [u8]),
    Chars(Vec<char>),
}

fn key_less(a: &SortKey<'_>, b: &SortKey<'_>, order: KeyOrder) -> bool {
    match (a, b) {
        (SortKey::Ascii(a), SortKey::Ascii(b)) => less(a, b, order),
        _ => {
            let a = chars_of(a);
            let b = chars_of(b);
            less(&a, &b, order)
        }
    }
}

fn chars_of<'b>(k: &'b SortKey<'_>) -> std::borrow::Cow<'b, [char]> {
    match k {
        SortKey::Ascii(s) => s.iter().map(|&b| char::from(b)).collect(),
        SortKey::Chars(c) => std::borrow::Cow::Borrowed(c),
    }
}

/// Sorts `items` by their keys (`key(item)`) in the given library's order.
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, order: KeyOrder, key: impl Fn(&T) -> &str) {
    if items.len() < 2 {
        return;
    }
    if items.iter().all(|it| key(it).is_ascii()) {
        // No need to decode anything: compare the bytes.
        let less_at = |x: &T, y: &T| less(key(x).as_bytes(), key(y).as_bytes(), order);
        if (1..items.len()).all(|i| !less_at(&items[i], &items[i - 1])) {
            return;
        }
        merge_sort_by(items, &less_at);
        return;
    }
    let keys: Vec<SortKey<'_>> = items
        .iter()
        .map(|it| {
            let k = key(it);
            if k.is_ascii() {
                SortKey::Ascii(k.as_bytes())
            } else {
                SortKey::Chars(k.chars().collect())
            }
        })
        .collect();
    // Already in order (common: the map's byte order often agrees)?
    if (1..keys.len()).all(|i| !key_less(&keys[i], &keys[i - 1], order)) {
        return;
    }
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    merge_sort(&mut idx, &|&x: &usize, &y: &usize| {
        key_less(&keys[x], &keys[y], order)
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        idx.into_iter()
            .map(|i| slots[i].take().expect("each index once")),
    );
}

/// Sorts `items` in place with [`merge_sort`] over their indices.
fn merge_sort_by<T>(items: &mut Vec<T>, less: &impl Fn(&T, &T) -> bool) {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    merge_sort(&mut idx, &|&x: &usize, &y: &usize| {
        less(&items[x], &items[y])
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        idx.into_iter()
            .map(|i| slots[i].take().expect("each index once")),
    );
}

/// A stable merge sort that only needs `less` to be a function: whatever it answers, it
/// terminates and returns a permutation.
fn merge_sort<T: Copy>(v: &mut [T], less: &impl Fn(&T, &T) -> bool) {
    let n = v.len();
    if n <= 12 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(&v[j], &v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], less);
    merge_sort(&mut v[mid..], less);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if less(&v[j], &v[i]) {
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..n]);
    v.copy_from_slice(&merged);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(keys: &[&str], order: KeyOrder) -> Vec<String> {
        let mut v: Vec<String> = keys.iter().map(|s| s.to_string()).collect();
        v.sort();
        sort_by_key(&mut v, order, |s| s.as_str());
        v
    }

    // The string keys of yaml.v2's sorted-output test, in the order it expects.
    #[test]
    fn v2_natural_order() {
        let want = [
            "", ".1", ".2", ".a", "1", "2", "a!10", "a/0001", "a/002", "a/3", "a/10", "a/11",
            "a/0012", "a/100", "a~10", "ab/1", "b/1", "b/01", "b/2", "b/02", "b/3", "b/03", "b1",
            "b01", "b3", "c2.10", "c10.2", "d1", "d7", "d7abc", "d12", "d12a",
        ];
        let mut input = want.to_vec();
        input.reverse();
        assert_eq!(sorted(&input, KeyOrder::V2), want);
        assert_eq!(sorted(&input, KeyOrder::V3), want);
    }

    #[test]
    fn letters_after_non_letters() {
        let want = ["9", "10", "B", "a_b", "a9", "a10", "ab", "b"];
        assert_eq!(sorted(&want, KeyOrder::V2), want);
    }

    #[test]
    fn v3_letter_after_digits() {
        assert_eq!(sorted(&["1_", "1a"], KeyOrder::V2), ["1_", "1a"]);
        assert_eq!(sorted(&["1_", "1a"], KeyOrder::V3), ["1a", "1_"]);
    }
}
