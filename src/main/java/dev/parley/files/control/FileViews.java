package dev.parley.files.control;

import dev.parley.files.entity.FileView;
import dev.parley.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * STUB on s6-attach until s6-fcore (helper A1) lands: the signature messages builds on. On merging
 * s6-fcore, take A1's file whole.
 */
@ApplicationScoped
public class FileViews {
    public FileView of(StoredFile file) {
        return new FileView(file.id(), file.name(), file.size(), file.contentType(), file.createdAt(),
                file.isPicture() ? new FileView.Image(file.width(), file.height()) : null,
                "/api/files/" + file.id(), null);
    }

    public List<FileView> of(List<StoredFile> files) {
        return files.stream().map(this::of).toList();
    }
}
