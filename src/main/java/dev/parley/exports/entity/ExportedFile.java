package dev.parley.exports.entity;

/** A file attached to an exported message, as the contract lists it: id, name, size (never its bytes). */
public record ExportedFile(long id, String name, long size) {
}
