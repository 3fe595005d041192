//! The page's widgets. Each renders from the shared boundary (`anju_form`): no component knows a question by name.

pub mod field;
pub mod place_picker;
pub mod summary;
