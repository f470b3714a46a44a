//! Rules: built-in class/id/role hints, what links' addresses say, the multilingual phrase
//! lexicon, and imported filter lists.

pub mod filter;
pub mod hints;
pub(crate) mod hrefs;
pub mod lexicon;
