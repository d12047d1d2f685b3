//! What the knowledge base says about a diagnosed failure, which log-collection guide fits a platform, and
//! which links may be rendered as links.

use super::{AppErrorEntry, CategoryEntry, CollectGuide, KnowledgeBase, ReasonEntry, Resource, Step};
use crate::domain::device_platform::Platform;
use crate::domain::failures::{Category, Diagnosis, Reason};
use crate::i18n::Key;

/// The log-collection guides an operator reads to a user, per platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    Ios,
    AndroidEmail,
    AndroidUsb,
    AndroidVerbose,
    Windows,
}

impl Guide {
    pub const ALL: [Guide; 5] =
        [Guide::Ios, Guide::AndroidEmail, Guide::AndroidUsb, Guide::AndroidVerbose, Guide::Windows];

    pub fn slug(self) -> &'static str {
        match self {
            Guide::Ios => "ios",
            Guide::AndroidEmail => "androidEmail",
            Guide::AndroidUsb => "androidUsb",
            Guide::AndroidVerbose => "androidVerbose",
            Guide::Windows => "windows",
        }
    }

    pub fn title(self) -> Key {
        match self {
            Guide::Ios => Key::CollectIos,
            Guide::AndroidEmail => Key::CollectAndroidEmail,
            Guide::AndroidUsb => Key::CollectAndroidUsb,
            Guide::AndroidVerbose => Key::CollectAndroidVerbose,
            Guide::Windows => Key::CollectWindows,
        }
    }

    /// Whether the guide is for devices reporting `operating_system` (opened first in the details).
    pub fn fits(self, operating_system: &str) -> bool {
        let platform = Platform::from_operating_system(operating_system);
        match self {
            Guide::Ios => matches!(platform, Platform::Ios | Platform::IpadOs),
            Guide::AndroidEmail | Guide::AndroidUsb | Guide::AndroidVerbose => platform == Platform::Android,
            Guide::Windows => platform == Platform::Windows,
        }
    }
}

/// What the knowledge base says about one diagnosed event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Advice<'a> {
    pub explanation: &'a str,
    pub steps: &'a [Step],
    pub resources: &'a [Resource],
}

impl KnowledgeBase {
    pub fn reason(&self, reason: Reason) -> Option<&ReasonEntry> {
        self.reasons.get(reason.slug())
    }

    pub fn category(&self, category: Category) -> Option<&CategoryEntry> {
        self.categories.get(category.slug())
    }

    pub fn guide(&self, guide: Guide) -> Option<&CollectGuide> {
        self.collect_data.get(guide.slug())
    }

    /// The reason's entry when the event names a documented reason, else its category's.
    pub fn advice(&self, diagnosis: Diagnosis) -> Option<Advice<'_>> {
        if let Some(entry) = diagnosis.reason.and_then(|r| self.reason(r)) {
            return Some(Advice { explanation: &entry.explanation, steps: &entry.steps, resources: &entry.resources });
        }
        let entry = self.category(diagnosis.category)?;
        Some(Advice { explanation: &entry.explanation, steps: &entry.steps, resources: &[] })
    }

    /// What an error code as Tier1 shows it (`0x87D1041C`, any case) means; `None` for a code not in the table,
    /// which is then shown raw.
    pub fn app_error(&self, code: &str) -> Option<&AppErrorEntry> {
        let digits = code.trim().strip_prefix("0x").or_else(|| code.trim().strip_prefix("0X"))?;
        self.app_errors.get(&format!("0x{}", digits.to_ascii_uppercase()))
    }
}

/// A link from data (the service's resources or our files) is only ever rendered as an `https:` link, so a
/// `javascript:` or other scheme in hostile data stays inert text.
pub fn safe_href(link: &str) -> Option<&str> {
    let link = link.trim();
    link.get(..8).filter(|scheme| scheme.eq_ignore_ascii_case("https://")).map(|_| link)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn only_https_links_are_rendered_as_links() {
        assert_eq!(safe_href(" https://learn.microsoft.com/x "), Some("https://learn.microsoft.com/x"));
        assert_eq!(safe_href("HTTPS://example.com"), Some("HTTPS://example.com"));
        for bad in ["javascript:alert(1)", "http://example.com", "data:text/html,x", "//evil.example", "", "https:"] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn guides_open_for_the_failed_devices_platform() {
        assert!(Guide::Ios.fits("iPadOS") && Guide::AndroidUsb.fits("Android") && Guide::Windows.fits("Windows"));
        assert!(!Guide::Windows.fits("macOS") && !Guide::Ios.fits("Android"));
    }
}
