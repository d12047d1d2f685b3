//! User lookup matching as an operator expects it: case- and accent-insensitive, matching the start of any
//! word of the display name, user principal name or e-mail ("zoe" finds "Zoë", "nunez" finds "Ñúñez").

/// Lower-cases and strips diacritics from Latin letters; other characters pass through lower-cased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold_char(c) {
            Some(replacement) => out.push_str(replacement),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź'..='ž' => "z",
        'Þ' | 'þ' => "th",
        _ => return None,
    })
}

/// Folded words: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// True when every word of `query` is the start of some word in `fields`. An empty query matches nothing.
pub fn matches(query: &str, fields: &[&str]) -> bool {
    let wanted = words(query);
    if wanted.is_empty() {
        return false;
    }
    let have: Vec<String> = fields.iter().flat_map(|f| words(f)).collect();
    wanted.iter().all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
}

/// Which identifier of a device the caller's words matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceField {
    Name,
    SerialNumber,
}

/// Whether the text could be a serial number: one token of 4 to 32 letters, digits or dashes (serials are
/// read off a label, so no spaces and no other punctuation).
pub fn could_be_serial(text: &str) -> bool {
    let text = text.trim();
    (4..=32).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// How a device matches the caller's words: the whole serial number (any case), or the start of words of its
/// name, as users are matched. `None` for a device Graph returned that does not match (an ignored filter).
pub fn device_match(query: &str, device_name: &str, serial_number: Option<&str>) -> Option<DeviceField> {
    let query = query.trim();
    if could_be_serial(query) && serial_number.is_some_and(|s| s.trim().eq_ignore_ascii_case(query)) {
        return Some(DeviceField::SerialNumber);
    }
    matches(query, &[device_name]).then_some(DeviceField::Name)
}

/// The digits of a phone number, when the text could be one: digits with the separators people type (spaces,
/// dashes, dots, brackets, a leading `+`), 6 to 15 digits (ITU-T E.164 allows 15).
pub fn phone_digits(text: &str) -> Option<String> {
    let text = text.trim();
    let separators = |c: char| matches!(c, ' ' | '-' | '.' | '(' | ')' | '/');
    let rest = text.strip_prefix('+').unwrap_or(text);
    if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit() || separators(c)) {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    (6..=15).contains(&digits.len()).then_some(digits)
}

/// The first of `phones` whose digits start with the digits of what the caller said ("+31 6 1234" finds
/// "+31 6 12345678"). Graph compares phone numbers as typed, so the lookup also re-checks what it returns.
pub fn phone_match<'a>(query: &str, phones: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = phone_digits(query)?;
    let digits = |p: &str| p.chars().filter(char::is_ascii_digit).collect::<String>();
    phones.into_iter().find(|p| digits(p).starts_with(&wanted))
}

/// The forms of a typed phone number Graph is asked for (it matches text, not numbers): as typed, and without
/// separators when that differs.
pub fn phone_forms(text: &str) -> Vec<String> {
    let typed = text.trim().to_string();
    let compact: String = typed.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    if compact == typed {
        vec![typed]
    } else {
        vec![typed, compact]
    }
}

/// Orders matches: display names starting with the query first, then alphabetically (accent-insensitive).
pub fn rank_key(query: &str, display_name: &str) -> (bool, String) {
    let folded = fold(display_name);
    (!folded.starts_with(&fold(query.trim())), folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOE: [&str; 2] = ["Zoë Ångström-Núñez", "zoe.angstrom-nunez@aurora-logistics.example"];

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Zoë Ångström-Núñez"), "zoe angstrom-nunez");
        assert_eq!(fold("Łukasz Øvergård Straße"), "lukasz overgard strasse");
    }

    #[test]
    fn matches_start_of_any_word_ignoring_accents() {
        assert!(matches("zoe", &ZOE));
        assert!(matches("ZOË", &ZOE));
        assert!(matches("angstrom", &ZOE));
        assert!(matches("nunez", &ZOE));
        assert!(matches("Ångs", &ZOE));
        assert!(matches("zoe ang", &ZOE));
    }

    #[test]
    fn does_not_match_inside_words_or_empty_queries() {
        assert!(!matches("gstrom", &ZOE));
        assert!(!matches("oe", &ZOE));
        assert!(!matches("", &ZOE));
        assert!(!matches("  -- ", &ZOE));
        assert!(!matches("zoe smith", &ZOE));
    }

    #[test]
    fn matches_upn_and_mail_parts() {
        let sanne = ["Sanne de Vries", "sanne.devries@aurora-logistics.example"];
        assert!(matches("devries", &sanne));
        assert!(matches("sanne.devries@aurora", &sanne));
        assert!(matches("vri", &sanne));
    }

    #[test]
    fn markup_in_names_is_just_text() {
        let hostile = ["<img src=x onerror=alert(1)>", "xss.probe@aurora-logistics.example"];
        assert!(matches("img", &hostile));
        assert!(matches("<img", &hostile));
    }

    #[test]
    fn a_device_matches_by_whole_serial_number_or_the_start_of_its_name() {
        let serial = Some("NDQYDHGDQC");
        assert_eq!(device_match("ndqydhgdqc", "Sanne’s iPhone", serial), Some(DeviceField::SerialNumber));
        assert_eq!(device_match(" NDQYDHGDQC ", "Sanne’s iPhone", serial), Some(DeviceField::SerialNumber));
        assert_eq!(device_match("NDQYDH", "Sanne’s iPhone", serial), None, "a serial is matched whole");
        assert_eq!(device_match("aur-lt-0142", "AUR-LT-0142", Some("5CG1")), Some(DeviceField::Name));
        assert_eq!(device_match("AUR-LT-01", "AUR-LT-0142", None), Some(DeviceField::Name));
        assert_eq!(device_match("AUR-LT-09", "AUR-LT-0142", None), None, "an ignored filter's extra devices drop out");
        assert_eq!(device_match("", "AUR-LT-0142", Some("")), None);
    }

    #[test]
    fn only_one_token_of_letters_digits_and_dashes_could_be_a_serial() {
        assert!(could_be_serial("NDQYDHGDQC") && could_be_serial("5CG314V232") && could_be_serial("PF-1234"));
        assert!(!could_be_serial("abc") && !could_be_serial("sanne de vries") && !could_be_serial("a'b1234"));
    }

    #[test]
    fn a_phone_number_is_digits_with_the_separators_people_type() {
        assert_eq!(phone_digits("+31 6 1234 5678").as_deref(), Some("31612345678"));
        assert_eq!(phone_digits("(020) 555-0142").as_deref(), Some("0205550142"));
        assert_eq!(phone_digits("12345"), None, "too short to be a number");
        assert_eq!(phone_digits("AUR-LT-0142"), None);
        assert_eq!(phone_digits("+"), None);
        assert_eq!(phone_digits("1234567890123456"), None, "longer than E.164 allows");
    }

    #[test]
    fn a_phone_matches_by_its_leading_digits_whatever_the_separators() {
        let phones = ["+31 10 555 0100", "+31 6 1234 5678"];
        assert_eq!(phone_match("+31612345678", phones), Some("+31 6 1234 5678"));
        assert_eq!(phone_match("+31 6 1234", phones), Some("+31 6 1234 5678"));
        assert_eq!(phone_match("+31 6 9999", phones), None);
        assert_eq!(phone_match("sanne", phones), None);
        assert_eq!(phone_forms("+31 6 1234"), vec!["+31 6 1234".to_string(), "+3161234".to_string()]);
        assert_eq!(phone_forms("+3161234"), vec!["+3161234".to_string()]);
    }

    #[test]
    fn rank_puts_prefix_matches_first() {
        let mut names = ["Anna Zoe", "Zoë Ångström-Núñez", "Bob Zoeller"];
        names.sort_by_key(|n| rank_key("zoe", n));
        assert_eq!(names[0], "Zoë Ångström-Núñez");
    }
}
