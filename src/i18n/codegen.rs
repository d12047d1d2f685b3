//! Reads and checks the string tables in `src/i18n/areas/*.txt` and writes the `Key` enum and one `match` per
//! language from them. Run by `build.rs` (so std only); also compiled into the unit tests, which check its errors.
//!
//! A build script rather than `macro_rules!`: a macro only sees the tokens it is invoked with, so it cannot gather
//! tables from several files into the one `Key` enum; a build script reads them all, and reports a missing
//! translation, a duplicate key or mismatched placeholders with the file, line and key. The format is described in
//! `src/i18n/README.md`.

use std::collections::HashMap;
use std::fmt::Write as _;

/// The languages, in the order of `Entry::texts` and of the generated functions (one per tag).
pub const LANGUAGES: [&str; 3] = ["en", "nl", "fr"];

/// One key of one table: where it is defined, its doc lines and its text in each of `LANGUAGES`.
pub struct Entry {
    pub key: String,
    pub docs: Vec<String>,
    pub file: String,
    pub line: usize,
    pub texts: [Option<String>; 3],
}

/// Parses and checks every table (`(file name, contents)`, in the order the keys should appear) and returns the
/// generated Rust source, or every problem found, each naming its file, line and key.
pub fn generate(tables: &[(String, String)]) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    for (file, source) in tables {
        entries.extend(parse(file, source, &mut errors));
    }
    check(&entries, &mut errors);
    if errors.is_empty() {
        Ok(render(&entries))
    } else {
        Err(errors)
    }
}

fn parse(file: &str, source: &str, errors: &mut Vec<String>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut docs: Vec<String> = Vec::new();
    for (index, raw) in source.lines().enumerate() {
        let line = index + 1;
        let at = format!("{file}:{line}");
        let text = raw.trim_end();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(doc) = text.strip_prefix("///") {
            docs.push(doc.strip_prefix(' ').unwrap_or(doc).to_string());
        } else if text.starts_with([' ', '\t']) {
            let Some(entry) = entries.last_mut().filter(|_| docs.is_empty()) else {
                errors.push(format!("{at}: a translation line must follow a key line"));
                continue;
            };
            let (tag, literal) = text.trim_start().split_once(' ').unwrap_or((text.trim_start(), ""));
            let Some(slot) = LANGUAGES.iter().position(|l| *l == tag) else {
                errors.push(format!("{at}: key `{}`: unknown language `{tag}` (expected en, nl or fr)", entry.key));
                continue;
            };
            if entry.texts[slot].is_some() {
                errors.push(format!("{at}: key `{}` has a second `{tag}` text", entry.key));
                continue;
            }
            match unquote(literal.trim_start()) {
                Ok(value) => entry.texts[slot] = Some(value),
                Err(problem) => errors.push(format!("{at}: key `{}`, `{tag}`: {problem}", entry.key)),
            }
        } else if is_key_name(text) {
            entries.push(Entry {
                key: text.to_string(),
                docs: std::mem::take(&mut docs),
                file: file.to_string(),
                line,
                texts: [None, None, None],
            });
        } else {
            errors.push(format!(
                "{at}: `{text}` is not a key name (CamelCase, ASCII letters and digits), a comment or an indented translation"
            ));
        }
    }
    if !docs.is_empty() {
        errors.push(format!("{file}: the last `///` lines are not followed by a key"));
    }
    entries
}

fn is_key_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase()) && text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The text of a double-quoted literal with Rust's escapes `\\`, `\"`, `\n`, `\t` and `\u{…}` (used for the
/// invisible non-breaking spaces of French typography, `\u{a0}`).
fn unquote(literal: &str) -> Result<String, String> {
    let inner = literal
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or("the text must be one double-quoted string on the line")?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Err("a `\"` inside the text must be written `\\\"`".to_string()),
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let rest = chars.as_str();
                    let decoded = rest
                        .strip_prefix('{')
                        .and_then(|r| r.split_once('}'))
                        .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok().map(|n| (hex.len(), n)))
                        .and_then(|(len, n)| char::from_u32(n).map(|c| (len, c)));
                    let Some((len, decoded)) = decoded else {
                        return Err("`\\u` must be followed by `{hex}` naming a character".to_string());
                    };
                    out.push(decoded);
                    chars = rest[len + 2..].chars();
                }
                other => return Err(format!("unknown escape `\\{}`", other.map(String::from).unwrap_or_default())),
            },
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The `{name}` placeholders of a template, sorted (the same rule as `fill`).
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> =
        text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect();
    names.sort_unstable();
    names
}

fn check(entries: &[Entry], errors: &mut Vec<String>) {
    let mut seen: HashMap<&str, &Entry> = HashMap::new();
    for entry in entries {
        let at = format!("{}:{}", entry.file, entry.line);
        let key = &entry.key;
        if let Some(first) = seen.insert(key, entry) {
            errors.push(format!("{at}: key `{key}` is already defined at {}:{}", first.file, first.line));
        }
        if entry.texts.iter().all(Option::is_none) {
            errors.push(format!("{at}: key `{key}` has no translation"));
            continue;
        }
        for (tag, text) in LANGUAGES.iter().zip(&entry.texts) {
            match text {
                None => errors.push(format!("{at}: key `{key}` has no `{tag}` text")),
                Some(text) if text.trim().is_empty() => errors.push(format!("{at}: key `{key}`: `{tag}` is empty")),
                Some(_) => {}
            }
        }
        if let Some(english) = &entry.texts[0] {
            let expected = placeholders(english);
            for (tag, text) in LANGUAGES.iter().zip(&entry.texts).skip(1) {
                if let Some(text) = text.as_deref().filter(|t| placeholders(t) != expected) {
                    errors.push(format!(
                        "{at}: key `{key}`: `{tag}` has placeholders {:?}, `en` has {expected:?}",
                        placeholders(text)
                    ));
                }
            }
        }
    }
}

/// The enum, `Key::ALL` and one function per language: the same code the hand-written matches were.
fn render(entries: &[Entry]) -> String {
    let mut out =
        String::from("// Generated by build.rs from src/i18n/areas/*.txt (src/i18n/codegen.rs). Do not edit.\n\n");
    out.push_str(
        "/// A visible string. Its translations stand together in `src/i18n/areas/*.txt`; the build checks them.\n",
    );
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n");
    let mut file = "";
    for entry in entries {
        if entry.file != file {
            file = &entry.file;
            let _ = writeln!(out, "    // {file}");
        }
        for doc in &entry.docs {
            let _ = writeln!(out, "    #[doc = {:?}]", format!(" {doc}"));
        }
        let _ = writeln!(out, "    {},", entry.key);
    }
    out.push_str("}\n\nimpl Key {\n    pub const ALL: &'static [Key] = &[\n");
    for entry in entries {
        let _ = writeln!(out, "        Key::{},", entry.key);
    }
    out.push_str("    ];\n}\n");
    for (slot, tag) in LANGUAGES.iter().enumerate() {
        let _ = write!(out, "\npub fn {tag}(key: Key) -> &'static str {{\n    match key {{\n");
        for entry in entries {
            let text = entry.texts[slot].as_deref().unwrap_or_default();
            let _ = writeln!(out, "        Key::{} => {text:?},", entry.key);
        }
        out.push_str("    }\n}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::generate;

    fn errors_of(tables: &[(&str, &str)]) -> Vec<String> {
        let tables: Vec<(String, String)> = tables.iter().map(|(f, s)| (f.to_string(), s.to_string())).collect();
        generate(&tables).expect_err("the tables should be rejected")
    }

    const GOOD: &str = "# area\n\n/// Where it is used.\nHello\n  en \"Hello {name}\"\n  nl \"Hallo {name}\"\n  fr \"Bonjour\\u{a0}{name}\"\n";

    #[test]
    fn generates_the_enum_its_list_and_one_match_per_language() {
        let code = generate(&[("a.txt".into(), GOOD.into())]).unwrap();
        assert!(code.contains("pub enum Key {\n    // a.txt\n    #[doc = \" Where it is used.\"]\n    Hello,\n}"));
        assert!(code.contains("pub const ALL: &'static [Key] = &[\n        Key::Hello,\n    ];"));
        assert!(code.contains(
            "pub fn en(key: Key) -> &'static str {\n    match key {\n        Key::Hello => \"Hello {name}\","
        ));
        assert!(code.contains("pub fn nl(key: Key)"));
        assert!(code.contains(&format!("Key::Hello => {:?},", "Bonjour\u{a0}{name}")));
    }

    #[test]
    fn a_missing_language_names_the_key_and_the_file() {
        let errors = errors_of(&[("areas/x.txt", "Hello\n  en \"Hello\"\n  fr \"Bonjour\"\n")]);
        assert_eq!(errors, ["areas/x.txt:1: key `Hello` has no `nl` text"]);
    }

    #[test]
    fn a_key_without_any_translation_is_rejected() {
        let errors = errors_of(&[("x.txt", "Hello\n\nBye\n  en \"Bye\"\n  nl \"Dag\"\n  fr \"Salut\"\n")]);
        assert_eq!(errors, ["x.txt:1: key `Hello` has no translation"]);
    }

    #[test]
    fn a_duplicate_key_names_both_places() {
        let errors = errors_of(&[("a.txt", GOOD), ("b.txt", GOOD)]);
        assert_eq!(errors, ["b.txt:4: key `Hello` is already defined at a.txt:4"]);
    }

    #[test]
    fn placeholders_must_match_english() {
        let errors = errors_of(&[("x.txt", "Hi\n  en \"Hi {name}\"\n  nl \"Hoi {naam}\"\n  fr \"Salut {name}\"\n")]);
        assert_eq!(errors, ["x.txt:1: key `Hi`: `nl` has placeholders [\"naam\"], `en` has [\"name\"]"]);
    }

    #[test]
    fn empty_texts_repeated_languages_and_bad_lines_are_rejected() {
        let source = "Hi\n  en \"\"\n  en \"Hi\"\n  nl Hoi\n  de \"Hallo\"\n  fr \"a\\qb\"\nnot a key\n";
        let errors = errors_of(&[("x.txt", source)]);
        assert_eq!(
            errors,
            [
                "x.txt:3: key `Hi` has a second `en` text",
                "x.txt:4: key `Hi`, `nl`: the text must be one double-quoted string on the line",
                "x.txt:5: key `Hi`: unknown language `de` (expected en, nl or fr)",
                "x.txt:6: key `Hi`, `fr`: unknown escape `\\q`",
                "x.txt:7: `not a key` is not a key name (CamelCase, ASCII letters and digits), a comment or an indented translation",
                "x.txt:1: key `Hi`: `en` is empty",
                "x.txt:1: key `Hi` has no `nl` text",
                "x.txt:1: key `Hi` has no `fr` text",
            ]
        );
    }

    #[test]
    fn escapes_decode_like_rust() {
        let source = "Hi\n  en \"a \\\"b\\\" \\\\ \\u{202F}!\"\n  nl \"x\"\n  fr \"y\"\n";
        let code = generate(&[("x.txt".into(), source.into())]).unwrap();
        assert!(code.contains(&format!("Key::Hi => {:?},", "a \"b\" \\ \u{202f}!")));
    }
}
