//! The programs, one file each. Each file names its legal authority in its `//!` header, has one `evaluate`
//! that reads like the rule it implements, and keeps its unit tests at the bottom.

pub mod residence_permit;
