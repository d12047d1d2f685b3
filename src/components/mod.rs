//! Reusable, domain-agnostic UI pieces.

mod compact_menu;
mod countdown;
mod data_table;
mod document;
mod download;
mod modal;
mod status;
mod user_picker;

pub use compact_menu::CompactMenu;
pub use data_table::{DataTable, ExtraColumn};
pub use document::{focus_later, render_document};
pub use download::download_text;
pub use modal::Modal;
pub use status::{async_view, explanation, EmptyState, ErrorPanel, LoadingState};
pub use user_picker::UserPicker;
