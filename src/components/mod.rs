//! The explorer's components, one per file. Each takes its reactive inputs as `Signal`s and
//! reports user actions through `Callback`s; the strings it shows come from
//! [`crate::display`].

pub mod bit_cells;
pub mod code_readout;
pub mod custom_format;
pub mod exact_decimal;
pub mod format_picker;
pub mod formula;
pub mod limits_card;
pub mod limits_table;
pub mod neighbours;
pub mod notices;
pub mod signal_canvas;
pub mod signal_controls;
pub mod signal_error_mode;
pub mod signal_hover;
pub mod signal_metrics;
pub mod signal_notes;
pub mod signal_presets;
pub mod signal_schemes;
pub mod table_grid;
pub mod table_legend;
pub mod table_list;
pub mod table_normal_figure;
pub mod table_picker;
pub mod value_input;
pub mod value_readout;
pub mod view_nav;

pub use bit_cells::BitCells;
pub use code_readout::CodeReadout;
pub use custom_format::CustomFormat;
pub use exact_decimal::ExactDecimal;
pub use format_picker::FormatPicker;
pub use formula::FormulaView;
pub use limits_card::LimitsCard;
pub use limits_table::LimitsTable;
pub use neighbours::Neighbours;
pub use notices::Notices;
pub use signal_canvas::{PlotKind, SignalCanvas};
pub use signal_controls::SignalControls;
pub use signal_error_mode::SignalErrorMode;
pub use signal_hover::SignalHover;
pub use signal_metrics::SignalMetrics;
pub use signal_notes::SignalNotes;
pub use signal_presets::SignalPresets;
pub use signal_schemes::SignalSchemes;
pub use table_grid::TableGrid;
pub use table_legend::TableLegend;
pub use table_list::TableList;
pub use table_normal_figure::TableNormalFigure;
pub use table_picker::TablePicker;
pub use value_input::ValueInput;
pub use value_readout::ValueReadout;
pub use view_nav::ViewNav;
