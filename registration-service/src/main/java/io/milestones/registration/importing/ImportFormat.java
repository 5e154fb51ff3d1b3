package io.milestones.registration.importing;

import java.util.Optional;
import org.springframework.http.MediaType;

/** The file formats an import reads, by the request's Content-Type. */
enum ImportFormat {
    /** One JSON object per line, the fields of a registration plus an optional registeredAt. */
    NDJSON("application/x-ndjson"),
    /** A header line, then one teacher per line (RFC 4180 quoting). */
    CSV("text/csv");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<ImportFormat> of(MediaType contentType) {
        for (ImportFormat format : values()) {
            if (contentType != null
                    && MediaType.parseMediaType(format.mediaType).includes(contentType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
