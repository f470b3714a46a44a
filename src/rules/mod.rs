//! Rules: built-in class/id/role hints and the multilingual phrase lexicon, and imported
//! filter lists.

pub mod filter;
pub mod hints;
pub mod lexicon;
