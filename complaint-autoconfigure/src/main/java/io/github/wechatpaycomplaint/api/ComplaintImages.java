package io.github.wechatpaycomplaint.api;

import java.net.URI;
import java.util.Objects;

import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.client.WechatPaySigningInterceptor;
import io.github.wechatpaycomplaint.model.ComplaintImage;
import io.github.wechatpaycomplaint.model.UploadedImage;
import io.github.wechatpaycomplaint.model.request.ImageMeta;
import io.github.wechatpaycomplaint.model.request.ImageUpload;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Feedback image upload (multipart, signed over the {@code meta} JSON) and complaint
 * image download (signed over the {@code media_url}'s raw path, answer unsigned).
 */
final class ComplaintImages {

	private final ComplaintCalls calls;

	private final MediaUrls mediaUrls;

	private final JsonMapper jsonMapper;

	ComplaintImages(ComplaintCalls calls, MediaUrls mediaUrls, JsonMapper jsonMapper) {
		this.calls = calls;
		this.mediaUrls = mediaUrls;
		this.jsonMapper = jsonMapper;
	}

	UploadedImage upload(ImageUpload upload) {
		Objects.requireNonNull(upload, "upload");
		// The signature covers the meta JSON exactly as it goes on the wire, so these
		// bytes are both sent and signed.
		byte[] meta = this.jsonMapper.writeValueAsBytes(ImageMeta.of(upload));
		MultiValueMap<String, HttpEntity<?>> body = new LinkedMultiValueMap<>();
		body.add("meta", part(meta, MediaType.APPLICATION_JSON));
		body.add("file", part(new NamedBytes(upload.getContent(), upload.getFilename()),
				MediaType.parseMediaType(upload.getFormat().getContentType())));
		UploadedImage answer = this.calls.withoutVariables(WechatPayOperation.IMAGE_UPLOAD)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.attribute(WechatPaySigningInterceptor.SIGNED_BODY_ATTRIBUTE, meta)
			.body(body)
			.retrieve()
			.body(UploadedImage.class);
		return ComplaintQueries.required(answer, "images/upload");
	}

	private static HttpEntity<?> part(Object content, MediaType contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		return new HttpEntity<>(content, headers);
	}

	ComplaintImage download(String mediaUrl, @Nullable String complaintId) {
		URI target = this.mediaUrls.target(mediaUrl, complaintId);
		ResponseEntity<byte[]> answer = this.calls.imageDownload(target)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.toEntity(byte[].class);
		MediaType contentType = answer.getHeaders().getContentType();
		byte[] content = (answer.getBody() != null) ? answer.getBody() : new byte[0];
		return new ComplaintImage(content,
				(contentType != null) ? contentType.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE);
	}

	/**
	 * File bytes that carry their filename into the part's {@code Content-Disposition}.
	 */
	private static final class NamedBytes extends ByteArrayResource {

		private final String filename;

		NamedBytes(byte[] content, String filename) {
			super(content);
			this.filename = filename;
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

	}

}
