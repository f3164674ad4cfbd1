package dev.parley.files.entity;

/** A picture's pixel size, as it is shown (a JPEG's EXIF orientation applied). */
public record PictureSize(int width, int height) {
}
