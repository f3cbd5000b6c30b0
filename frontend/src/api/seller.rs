//! Calls of the seller dashboard (`/jual`) and of the village admin's marketplace moderation.
