package dev.parley.exports.entity;

/** A file attached to an exported message, as the contract lists it: id, name, size (never its bytes). */
public record ExportedFile(String id, String name, long size) {
}
