//! Shared widgets every feature may use: the format picker, the inline error, the stale
//! marker of a result that no longer matches its input, the notices, the view switcher, the
//! theme switcher and the document's theme for charts, and
//! [`StaticHtml`], the only kind of markup that reaches `inner_html`. They take `Signal`
//! props and report through `Callback`s; none of them reads `data-testid`.

pub mod chart_canvas;
pub mod export;
pub mod format_picker;
pub mod inline_error;
pub mod job_progress;
pub mod lang;
pub mod notices;
pub mod root_attribute;
pub mod share;
pub mod stale;
pub mod static_html;
pub mod theme;
pub mod view_nav;

pub use chart_canvas::ChartCanvas;
pub use export::{TableExport, TextExport};
pub use format_picker::FormatPicker;
pub use inline_error::InlineError;
pub use job_progress::JobProgress;
pub use lang::LangSwitcher;
pub use notices::Notices;
pub use share::ShareButton;
pub use stale::StaleNote;
pub use static_html::{StaticBlock, StaticHtml};
pub use theme::ThemeSwitcher;
pub use view_nav::ViewNav;
