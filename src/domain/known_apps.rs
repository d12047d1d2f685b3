//! Product names of the common Microsoft apps, by their iOS bundle id and Android package name, so app
//! protection shows "Microsoft Outlook" rather than "com.microsoft.Office.Outlook". Names are product names,
//! the same in every language. An id not listed here is shown as it is.

/// (bundle id or package name, product name). Lookups ignore case (registrations have been seen in either);
/// where an iOS and an Android id differ only in case, they name the same app.
const KNOWN: &[(&str, &str)] = &[
    // iOS bundle ids (OneDrive, SharePoint, Stream and Power Apps use the same id on Android).
    ("com.microsoft.Office.Outlook", "Microsoft Outlook"),
    ("com.microsoft.skype.teams", "Microsoft Teams"),
    ("com.microsoft.Office.Word", "Microsoft Word"),
    ("com.microsoft.Office.Excel", "Microsoft Excel"),
    ("com.microsoft.Office.Powerpoint", "Microsoft PowerPoint"),
    ("com.microsoft.officemobile", "Microsoft 365 Copilot"),
    ("com.microsoft.skydrive", "Microsoft OneDrive"),
    ("com.microsoft.msedge", "Microsoft Edge"),
    ("com.microsoft.onenote", "Microsoft OneNote"),
    ("com.microsoft.sharepoint", "Microsoft SharePoint"),
    ("com.microsoft.to-do", "Microsoft To Do"),
    ("com.microsoft.azureauthenticator", "Microsoft Authenticator"),
    ("com.microsoft.plannermobile", "Microsoft Planner"),
    ("com.microsoft.stream", "Microsoft Stream"),
    ("com.microsoft.powerbimobile", "Microsoft Power BI"),
    ("com.microsoft.msapps", "Power Apps"),
    ("com.microsoft.CompanyPortal", "Company Portal"),
    ("com.microsoft.Intune.MAM.ManagedBrowser", "Intune Managed Browser"),
    // Android package names.
    ("com.microsoft.office.outlook", "Microsoft Outlook"),
    ("com.microsoft.teams", "Microsoft Teams"),
    ("com.microsoft.office.word", "Microsoft Word"),
    ("com.microsoft.office.excel", "Microsoft Excel"),
    ("com.microsoft.office.powerpoint", "Microsoft PowerPoint"),
    ("com.microsoft.office.officehubrow", "Microsoft 365 Copilot"),
    ("com.microsoft.emmx", "Microsoft Edge"),
    ("com.microsoft.office.onenote", "Microsoft OneNote"),
    ("com.microsoft.todos", "Microsoft To Do"),
    ("com.azure.authenticator", "Microsoft Authenticator"),
    ("com.microsoft.planner", "Microsoft Planner"),
    ("com.microsoft.powerbim", "Microsoft Power BI"),
    ("com.microsoft.windowsintune.companyportal", "Company Portal"),
];

/// The product name of a well-known app id, if Tier1 knows it.
pub fn app_name(id: &str) -> Option<&'static str> {
    KNOWN.iter().find(|(known, _)| known.eq_ignore_ascii_case(id)).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_apps_have_names_on_both_platforms_and_unknown_ids_none() {
        assert_eq!(app_name("com.microsoft.Office.Outlook"), Some("Microsoft Outlook"));
        assert_eq!(app_name("com.microsoft.office.outlook"), Some("Microsoft Outlook"));
        assert_eq!(app_name("com.microsoft.skype.teams"), Some("Microsoft Teams"));
        assert_eq!(app_name("com.microsoft.teams"), Some("Microsoft Teams"));
        assert_eq!(app_name("com.microsoft.msedge"), Some("Microsoft Edge"));
        assert_eq!(app_name("com.microsoft.emmx"), Some("Microsoft Edge"));
        assert_eq!(app_name("com.auroralogistics.epod"), None);
    }

    #[test]
    fn every_id_is_listed_once() {
        let mut ids: Vec<&str> = KNOWN.iter().map(|(id, _)| *id).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before);
        for (id, name) in KNOWN {
            assert_eq!(app_name(id), Some(*name), "{id} differs only in case from another app's id");
        }
    }
}
