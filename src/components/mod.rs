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
pub use value_input::ValueInput;
pub use value_readout::ValueReadout;
pub use view_nav::ViewNav;
