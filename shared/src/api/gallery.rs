//! A village's photo albums, as its admin keeps them.

use super::endpoints;
use crate::gallery::{Album, AlbumForm, GalleryPhoto, PhotoForm};

endpoints! {
    /// The village's albums with their photos, in order.
    Albums { id: i64 }: get "/api/v1/admin/villages/{id}/albums" => Vec<Album>;
    /// Creates an album.
    AddAlbum { id: i64 }: post "/api/v1/admin/villages/{id}/albums", body AlbumForm => Album;
    /// Renames or reorders an album; 409 when someone saved it since `version` was loaded.
    UpdateAlbum { id: i64, album_id: i64 }: put "/api/v1/admin/villages/{id}/albums/{album_id}", body AlbumForm => Album;
    /// Removes an album and its photos.
    RemoveAlbum { id: i64, album_id: i64 }: delete "/api/v1/admin/villages/{id}/albums/{album_id}" => ();
    /// Adds an uploaded picture to an album, with its caption.
    AddPhoto { id: i64, album_id: i64 }: post "/api/v1/admin/villages/{id}/albums/{album_id}/photos", body PhotoForm => GalleryPhoto;
    /// Changes a photo's caption and place; 409 when someone saved it since `version` was loaded.
    UpdatePhoto { id: i64, album_id: i64, photo_id: i64 }: put "/api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}", body PhotoForm => GalleryPhoto;
    /// Removes a photo from its album.
    RemovePhoto { id: i64, album_id: i64, photo_id: i64 }: delete "/api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}" => ();
}
