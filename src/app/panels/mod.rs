//! The app's panels. Each reads the [`AppState`](super::AppState) and returns
//! the [`Action`](super::Action)s the user asked for; a panel keeps only its
//! own UI memory (the list's sort and filter, the text view's layout, the
//! place picker's query).

pub mod collection;
pub mod corrections;
pub mod export;
pub mod highlight;
pub mod menu;
pub mod notes;
pub mod passages;
pub mod picture;
pub mod place_list;
pub mod presentation;
pub mod status;
pub mod text_view;
pub mod toolbar;
