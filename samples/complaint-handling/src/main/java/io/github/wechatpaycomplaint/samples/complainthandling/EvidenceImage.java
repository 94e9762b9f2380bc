package io.github.wechatpaycomplaint.samples.complainthandling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.github.wechatpaycomplaint.model.request.ImageUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The image the sample attaches to its first reply: a small PNG refund receipt shipped in
 * the jar, checked once at startup (format, size and name) so that a bad file fails the
 * start, not a complaint. A native image holds only the resources it is told about: the
 * {@link ImportRuntimeHints} names this one.
 */
@Component
@ImportRuntimeHints(EvidenceImage.ResourceHints.class)
public class EvidenceImage {

	static final String LOCATION = "evidence/refund-receipt.png";

	private final ImageUpload upload;

	public EvidenceImage() {
		Resource resource = new ClassPathResource(LOCATION);
		try (InputStream content = resource.getInputStream()) {
			this.upload = ImageUpload.of("refund-receipt.png", content.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

	/**
	 * The checked image, ready for {@code uploadImage}.
	 * @return the upload
	 */
	public ImageUpload upload() {
		return this.upload;
	}

	static class ResourceHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerPattern(LOCATION);
		}

	}

}
