#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod error;
pub mod warc;

pub use error::{Error, ErrorKind};
