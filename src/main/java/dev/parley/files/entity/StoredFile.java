package dev.parley.files.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An uploaded file: its description here, its bytes in the configured store under {@link #storeKey}.
 * Attached to at most one message, at a position in that message's files, or to none yet.
 */
@Entity
@Table(name = "files")
public class StoredFile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "owner_id", nullable = false) private long ownerId;
    @Column(name = "message_id") private Long messageId;
    @Column(name = "position") private Short position;
    @Column(name = "name", nullable = false) private String name;
    @Column(name = "content_type", nullable = false) private String contentType;
    @Column(name = "size", nullable = false) private long size;
    @Column(name = "sha256", nullable = false) private String sha256;
    @Column(name = "width") private Integer width;
    @Column(name = "height") private Integer height;
    @Column(name = "store_key", nullable = false) private String storeKey;
    @Column(name = "thumbnail_key") private String thumbnailKey;
    @Column(name = "thumbnail_type") private String thumbnailType;
    @Column(name = "thumbnail_size") private Long thumbnailSize;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected StoredFile() {
    }

    public StoredFile(long ownerId, String name, String contentType, long size, String sha256, String storeKey) {
        this.ownerId = ownerId;
        this.name = name;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storeKey = storeKey;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the database keeps
    }

    /** A picture's stored pixel size. */
    public void picture(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A picture's thumbnail, stored under its own key. */
    public void thumbnail(String key, String contentType, long size) {
        this.thumbnailKey = key;
        this.thumbnailType = contentType;
        this.thumbnailSize = size;
    }

    /** Attaches the file to a message, at its place among the message's files. */
    public void attachTo(long messageId, int position) {
        this.messageId = messageId;
        this.position = (short) position;
    }

    public Long id() { return id; }
    public long ownerId() { return ownerId; }
    public Long messageId() { return messageId; }
    public Short position() { return position; }
    public String name() { return name; }
    public String contentType() { return contentType; }
    public long size() { return size; }
    public String sha256() { return sha256; }
    public Integer width() { return width; }
    public Integer height() { return height; }
    public String storeKey() { return storeKey; }
    public String thumbnailKey() { return thumbnailKey; }
    public String thumbnailType() { return thumbnailType; }
    public Long thumbnailSize() { return thumbnailSize; }
    public Instant createdAt() { return createdAt; }
    public boolean isPicture() { return width != null; }
}
