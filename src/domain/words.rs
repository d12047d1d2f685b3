//! Where a table cell may break its text: only between words. Browsers also break after a hyphen or a slash
//! ("AUR-LT-|0142", "iOS/|iPadOS"), which cuts device names, ids and versions in two; such words are marked
//! to be kept whole (`white-space: nowrap` on them alone), so the rest of the text still wraps at spaces.

/// A run of a cell's text: `whole` runs are single words with a break opportunity inside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub whole: bool,
}

/// Splits `text` into runs that concatenate back to it: words with an inner hyphen, slash or other punctuation
/// on their own, everything else (words, the spaces between them) merged into plain runs.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut push = |piece: &str, whole: bool| match out.last_mut() {
        Some(last) if !whole && !last.whole => last.text.push_str(piece),
        _ => out.push(Run { text: piece.to_string(), whole }),
    };
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        if space > 0 {
            push(&rest[..space], false);
            rest = &rest[space..];
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        push(word, breakable(word));
        rest = &rest[end..];
    }
    out
}

/// Whether a browser may break inside `word`: any punctuation before its last character ("AUR-LT-0142",
/// "iOS/iPadOS", "10.0.26100"); a trailing "." or "," is not inside.
fn breakable(word: &str) -> bool {
    let mut chars: Vec<char> = word.chars().collect();
    chars.pop();
    chars.iter().any(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&'static str, String)> {
        runs(text).into_iter().map(|r| (if r.whole { "whole" } else { "plain" }, r.text)).collect()
    }

    #[test]
    fn ids_and_versions_are_kept_whole() {
        assert_eq!(shown("AUR-LT-0142"), [("whole", "AUR-LT-0142".to_string())]);
        assert_eq!(shown("10.0.26200.8246"), [("whole", "10.0.26200.8246".to_string())]);
    }

    #[test]
    fn plain_words_and_spaces_merge_into_one_run() {
        assert_eq!(
            shown("Not assigned: targets VPN Users."),
            [("plain", "Not assigned: targets VPN Users.".to_string())]
        );
        assert_eq!(shown(""), Vec::<(&str, String)>::new());
    }

    #[test]
    fn a_sentence_keeps_only_its_hyphenated_words_whole_and_concatenates_back() {
        let text = "Failed on AUR-LT-0457 (iOS/iPadOS)  now";
        assert_eq!(
            shown(text),
            [
                ("plain", "Failed on ".to_string()),
                ("whole", "AUR-LT-0457".to_string()),
                ("plain", " ".to_string()),
                ("whole", "(iOS/iPadOS)".to_string()),
                ("plain", "  now".to_string()),
            ]
        );
        assert_eq!(runs(text).into_iter().map(|r| r.text).collect::<String>(), text);
    }
}
