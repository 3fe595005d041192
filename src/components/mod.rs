//! Small widgets, one per file. They render props and emit callbacks; they hold no state of their own.

pub mod months_field;
pub mod program_card;
pub mod yes_no;
