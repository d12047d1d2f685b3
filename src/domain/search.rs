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
    fn rank_puts_prefix_matches_first() {
        let mut names = ["Anna Zoe", "Zoë Ångström-Núñez", "Bob Zoeller"];
        names.sort_by_key(|n| rank_key("zoe", n));
        assert_eq!(names[0], "Zoë Ångström-Núñez");
    }
}
