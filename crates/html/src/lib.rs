#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod blocks;
pub mod decode;
mod error;
pub mod extract;
mod locate;
pub mod metadata;
mod page;
pub mod warc;

pub use blocks::{Ancestor, Block, BlockKind, Landmarks, normalize};
pub use error::{Error, ErrorKind};
pub use metadata::{PageDate, PageMetadata, Provenance, Sourced};
pub use page::{HtmlPage, HtmlReader};
