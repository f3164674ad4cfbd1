package dev.parley.files.control;

import dev.parley.files.control.FileLinks.Target;
import dev.parley.files.entity.FileView;
import dev.parley.files.entity.StoredFile;
import dev.parley.sessions.control.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contract's {@code file} objects, with their signed links, valid for {@code PARLEY_FILE_LINK_TTL}
 * from now; and the check of such a link when it comes back.
 *
 * <p>The links' key must be the same on every node (a link handed out by one is opened on another), so it
 * is derived from the token signing key ({@link SigningKey}), which every node already shares: the key
 * kept in the database's {@code signing_keys} row, or the PEM file a deployment gives every node (tokens
 * signed on one node verify on the others only so). It is derived with HMAC-SHA256 under a label of its
 * own, a one-way step: a link's signature reveals nothing of the RSA key, and no link signature is a token
 * signature (another algorithm, another key). Nothing new is stored. When the signing key is rotated,
 * links handed out before stop working; they live an hour, and a client asks again (history, {@code sync}).
 */
@ApplicationScoped
public class FileViews {
    static final String LABEL = "parley file links v1";

    @Inject
    SigningKey signingKey;

    @Inject
    @ConfigProperty(name = "parley.file.link-ttl")
    String linkTtl;

    private FileLinks links;

    @PostConstruct
    void key() {
        links = new FileLinks(FileLinks.derive(signingKey.privateKey().getEncoded(), LABEL), Duration.parse(linkTtl.strip()));
    }

    /** The file as the contract shows it, its links valid from now. */
    public FileView of(StoredFile file) {
        return of(file, Instant.now());
    }

    /** Each file as {@link #of(StoredFile)}, with the same moment for all, in the order given. */
    public List<FileView> of(List<StoredFile> files) {
        Instant now = Instant.now();
        return files.stream().map(f -> of(f, now)).toList();
    }

    /** Whether a link's {@code exp} and {@code sig} open this file (or its thumbnail) now. */
    public boolean opens(long fileId, Target target, String exp, String sig) {
        return links.valid(fileId, target, exp, sig, Instant.now());
    }

    private FileView of(StoredFile file, Instant now) {
        FileView.Image image = file.isPicture() ? new FileView.Image(file.width(), file.height()) : null;
        String thumbnail = file.thumbnailKey() == null ? null : links.link(file.id(), Target.THUMBNAIL, now);
        return new FileView(file.id(), file.name(), file.size(), file.contentType(), file.createdAt(), image,
                links.link(file.id(), Target.FILE, now), thumbnail);
    }
}
