use super::*;

fn sanne() -> CaseSheet {
    CaseSheet {
        tenant: "Aurora Logistics".into(),
        user_name: "Sanne de Vries".into(),
        user_principal_name: "sanne.devries@aurora-logistics.example".into(),
        user_id: "9074a0c9".into(),
        operator: "helpdesk@aurora-logistics.example".into(),
        at: "2026-11-20 10:05".into(),
        findings: vec![
            CaseFinding {
                text: "Sanne’s iPhone is not compliant: Require a password to unlock mobile devices (false)".into(),
                next_step: Some("Ask the user to set a passcode".into()),
                who_acts: Some("The user".into()),
                ..CaseFinding::default()
            },
            CaseFinding {
                text: "Aurora Staff Wi-Fi (iOS/iPadOS) failed on Sanne’s iPhone (error 0x87D11388)".into(),
                evidence: vec!["Configuration: Aurora Staff Wi-Fi (iOS/iPadOS)".into()],
                spread: Some("No other device in the tenant shows this.".into()),
                ..CaseFinding::default()
            },
            CaseFinding {
                weight: "Blocks an app or profile".into(),
                text: "Follow-up on the same phone".into(),
                follows: true,
                ..CaseFinding::default()
            },
        ],
        devices: vec![CaseDevice {
            name: "Sanne’s iPhone".into(),
            platform: "iOS 27.1".into(),
            compliance: "Not compliant".into(),
            last_check_in: "2026-11-20 04:48".into(),
        }],
        failed_apps: vec![CaseApp {
            app: "Aurora Route Planner".into(),
            device: "AUR-LT-0457".into(),
            code: Some("0x87D1041C".into()),
            meaning: Some("The app was not detected after the installation completed.".into()),
        }],
        link: "https://tier1.example/?user=9074a0c9".into(),
        ..CaseSheet::default()
    }
}

#[test]
fn markdown_holds_the_findings_in_rank_order_with_their_steps_and_the_deep_link() {
    let md = render(&sanne(), Locale::En, CaseFormat::Markdown);
    assert!(md.starts_with("# Case summary: Sanne de Vries\n"), "{md}");
    let first = md.find("1. Sanne’s iPhone is not compliant: Require a password").expect(&md);
    let second = md.find("2. Aurora Staff Wi-Fi (iOS/iPadOS) failed").expect(&md);
    assert!(first < second);
    assert!(md.contains("**Next step:** Ask the user to set a passcode"), "{md}");
    assert!(md.contains("**Who acts:** The user"), "{md}");
    assert!(md.contains("0x87D11388"), "{md}");
    assert!(md.contains("(<https://tier1.example/?user=9074a0c9>)"), "{md}");
    assert!(md.contains("error 0x87D1041C): The app was not detected"), "{md}");
    assert!(md.contains("   - **Evidence:** Configuration: Aurora Staff Wi-Fi (iOS/iPadOS)"), "{md}");
    // A finding that follows from the one before is listed under it, not numbered as a cause of its own.
    let follows = md.find("   - Follows from the above: **Blocks an app or profile:** Follow-up").expect(&md);
    assert!(second < follows && !md.contains("3. Follow-up"), "{md}");
}

#[test]
fn hostile_values_are_inert_in_markdown_and_cannot_forge_lines() {
    let mut sheet = sanne();
    sheet.user_name = "<img src=x onerror=alert(1)>".into();
    sheet.findings[0].text = "[click](javascript:alert(1)) **bold**\n# Forged heading".into();
    sheet.tenant = "=HYPERLINK(\"http://evil\") | col".into();
    let md = render(&sheet, Locale::En, CaseFormat::Markdown);
    let bare_angle =
        md.char_indices().any(|(i, c)| c == '<' && !md[..i].ends_with('\\') && !md[i..].starts_with("<https://"));
    assert!(!bare_angle, "every < outside the deep link is escaped: {md}");
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    assert!(!md.contains("[click]("), "{md}");
    assert!(md.contains("\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\*"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# Forged")), "{md}");
    assert!(md.contains("\\| col"), "{md}");
}

#[test]
fn only_a_web_address_is_written_as_a_link() {
    let mut sheet = sanne();
    sheet.link = "javascript:alert(1)".into();
    let md = render(&sheet, Locale::En, CaseFormat::Markdown);
    assert!(!md.contains("](<javascript"), "{md}");
    assert!(md.contains("**Link to this screen:** javascript:alert(1)"), "{md}");
}

#[test]
fn plain_text_has_no_markup_and_one_line_per_value() {
    let mut sheet = sanne();
    sheet.user_name = "Sanne <de> Vries\nInjected".into();
    let text = render(&sheet, Locale::En, CaseFormat::Text);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Case summary: Sanne <de> Vries Injected"));
    assert!(lines.next().unwrap().chars().all(|c| c == '='));
    assert!(!text.contains("**") && !text.contains('\\'), "{text}");
    assert!(text.contains("Link to this screen: https://tier1.example/?user=9074a0c9"), "{text}");
}

#[test]
fn json_keeps_the_values_as_data() {
    let mut sheet = sanne();
    sheet.user_name = "<img src=x onerror=alert(1)>".into();
    let json: serde_json::Value = serde_json::from_str(&render(&sheet, Locale::Nl, CaseFormat::Json)).unwrap();
    assert_eq!(json["format"], "tier1-case/1");
    assert_eq!(json["language"], "nl");
    assert_eq!(json["user"]["displayName"], "<img src=x onerror=alert(1)>");
    assert_eq!(json["findings"][1]["rank"], 2);
    assert_eq!(json["failedApps"][0]["errorCode"], "0x87D1041C");
    assert_eq!(json["findings"][1]["nextStep"], serde_json::Value::Null);
}

#[test]
fn nothing_wrong_only_when_every_check_ran() {
    let mut sheet = CaseSheet { user_name: "Emma".into(), ..CaseSheet::default() };
    let md = render(&sheet, Locale::En, CaseFormat::Markdown);
    assert!(md.contains("Nothing wrong found"), "{md}");
    sheet.not_checked = vec!["App installs: group membership did not load".into()];
    let md = render(&sheet, Locale::En, CaseFormat::Markdown);
    assert!(!md.contains("Nothing wrong found"), "{md}");
    assert!(md.contains("## Not checked"), "{md}");
    assert!(md.contains("- App installs: group membership did not load"), "{md}");
}

#[test]
fn empty_sections_are_left_out_and_labels_follow_the_language() {
    let sheet = sanne();
    let en = render(&sheet, Locale::En, CaseFormat::Markdown);
    assert!(!en.contains("## Device actions"), "{en}");
    let nl = render(&sheet, Locale::Nl, CaseFormat::Markdown);
    let fr = render(&sheet, Locale::Fr, CaseFormat::Markdown);
    assert!(nl.starts_with("# Casussamenvatting: Sanne de Vries"), "{nl}");
    assert!(fr.starts_with("# Résumé du cas\u{a0}: Sanne de Vries"), "{fr}");
}

#[test]
fn the_file_name_names_the_user_and_the_date_with_safe_characters_only() {
    let mut sheet = sanne();
    assert_eq!(
        file_name(&sheet, "2026-11-20", CaseFormat::Markdown),
        "case-sanne.devries@aurora-logistics.example-2026-11-20.md"
    );
    sheet.user_principal_name = "../../etc/passwd <x>".into();
    let name = file_name(&sheet, "2026-11-20", CaseFormat::Json);
    assert!(!name.contains('/') && !name.contains('<') && !name.contains(' '), "{name}");
    assert!(name.ends_with(".json"));
}

#[test]
fn a_findings_reach_across_the_tenant_is_in_every_format() {
    let mut sheet = sanne();
    sheet.findings[1].spread = Some("Affects 6 users: an incident for the IT administrator".into());
    let md = render(&sheet, Locale::En, CaseFormat::Markdown);
    assert!(md.contains("   - **Tenant-wide:** Affects 6 users: an incident for the IT administrator"), "{md}");
    let text = render(&sheet, Locale::En, CaseFormat::Text);
    assert!(text.contains("Tenant-wide: Affects 6 users"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&render(&sheet, Locale::En, CaseFormat::Json)).unwrap();
    assert_eq!(json["findings"][1]["spread"], "Affects 6 users: an incident for the IT administrator");
    assert_eq!(json["findings"][0]["spread"], serde_json::Value::Null);
}
