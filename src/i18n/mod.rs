//! Every visible string, in English, Dutch and French. One key's three texts stand together in a table per feature
//! area (`areas/*.txt`); `build.rs` checks the tables and generates the `Key` enum and one exhaustive `match` per
//! language from them, so a missing translation does not build. Tests check none is left in English.

// The build script's table reader and checker, compiled into the unit tests too so its errors are tested.
#[cfg(test)]
mod codegen;
mod strings;

pub use strings::Key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Nl,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Nl, Locale::Fr];

    /// BCP 47 tag, used for `<html lang>` and persistence.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
            Locale::Fr => "fr",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's own name, for the switcher.
    pub fn endonym(self) -> Key {
        match self {
            Locale::En => Key::LangEn,
            Locale::Nl => Key::LangNl,
            Locale::Fr => Key::LangFr,
        }
    }

    // One copy of the three lookups for the whole app instead of one at each of the hundreds of call sites
    // LLVM inlined it into: 1.1 KB less wasm (raw), 0.7 KB less brotli, for a call per string.
    #[inline(never)]
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Locale::En => strings::en(key),
            Locale::Nl => strings::nl(key),
            Locale::Fr => strings::fr(key),
        }
    }

    /// Text with `{name}` placeholders filled in. Values are plain text: rendering escapes them.
    pub fn fill(self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.text(key), args)
    }
}

pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Proper nouns and symbols that are the same in every language.
    const SAME_IN_ALL: &[Key] = &[
        Key::AppName,
        Key::LangEn,
        Key::LangNl,
        Key::LangFr,
        Key::PlatformWindows,
        Key::PlatformIos,
        Key::PlatformAndroid,
        Key::PlatformAndroidEnterprise,
        Key::PlatformMacos,
        Key::ManagedByMdm,
        Key::ManagedByConfigMgr,
        Key::ManagedByCoManaged,
        Key::ManagedByMde,
        Key::ManagedByEas,
        Key::OsVersionAtLeast,
        Key::OsVersionAtMost,
        // Device state findings: a time zone and product names.
        Key::TimeUtc,
        Key::MdmIntune,
        Key::MdmSccm,
    ];

    #[test]
    fn every_key_is_translated_in_every_locale() {
        for &key in Key::ALL {
            for locale in Locale::ALL {
                assert!(!locale.text(key).trim().is_empty(), "{key:?} is empty in {locale:?}");
            }
            if !SAME_IN_ALL.contains(&key) {
                assert_ne!(Locale::Nl.text(key), Locale::En.text(key), "{key:?} is untranslated in nl");
                assert_ne!(Locale::Fr.text(key), Locale::En.text(key), "{key:?} is untranslated in fr");
            }
        }
    }

    #[test]
    fn placeholders_match_across_locales() {
        fn placeholders(text: &str) -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort();
            names
        }
        for &key in Key::ALL {
            let english = placeholders(Locale::En.text(key));
            for locale in [Locale::Nl, Locale::Fr] {
                assert_eq!(placeholders(locale.text(key)), english, "{key:?} in {locale:?}");
            }
        }
    }

    #[test]
    fn no_two_keys_share_an_english_text_by_accident() {
        let mut seen = std::collections::HashMap::new();
        for &key in Key::ALL {
            if let Some(other) = seen.insert(Locale::En.text(key), key) {
                panic!("{key:?} and {other:?} have the same English text");
            }
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        let text = Locale::En.fill(Key::SearchNoResults, &[("query", "<b>zoe</b>")]);
        assert!(text.contains("<b>zoe</b>"));
        assert!(!text.contains('{'));
    }

    #[test]
    fn locale_tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_tag("nl-BE"), Some(Locale::Nl));
        assert_eq!(Locale::from_tag("de"), None);
    }
}
