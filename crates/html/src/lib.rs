#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod blocks;
pub mod decode;
pub mod extract;
mod error;
mod locate;
pub mod metadata;
mod page;
pub mod warc;

pub use blocks::{Ancestor, Block, BlockKind, Landmarks, normalize};
pub use error::{Error, ErrorKind};
pub use metadata::{PageDate, PageMetadata, Provenance, Sourced};
pub use page::{HtmlPage, HtmlReader};
