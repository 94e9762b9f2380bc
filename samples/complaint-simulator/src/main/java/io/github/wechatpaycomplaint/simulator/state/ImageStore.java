package io.github.wechatpaycomplaint.simulator.state;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;

/**
 * The images of complaints and the merchant's uploads, by media id.
 *
 * @since 0.1.0
 */
public final class ImageStore {

	private final Map<String, StoredImage> images = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final String uploader;

	/**
	 * A store whose uploads are nobody's in particular.
	 */
	public ImageStore() {
		this("");
	}

	/**
	 * A store of one merchant: its uploads' media ids name it, so that no two merchants
	 * of a simulator are given the same media id.
	 * @param merchantId the merchant id
	 */
	public ImageStore(String merchantId) {
		this.uploader = merchantId;
	}

	/**
	 * Stores an image under a new media id (URL-safe Base64, like WeChat Pay's, without
	 * padding).
	 * @param contentType the content type
	 * @param bytes the bytes
	 * @param complaintId the complaint of a user image, or {@code null} for an upload
	 * @return the stored image
	 */
	public StoredImage store(String contentType, byte[] bytes, String complaintId) {
		String seed = "SIM" + ((complaintId != null) ? complaintId : "UPLOAD" + this.uploader) + "-"
				+ this.sequence.incrementAndGet();
		String mediaId = Base64.getUrlEncoder().withoutPadding().encodeToString(seed.getBytes(StandardCharsets.UTF_8));
		StoredImage image = new StoredImage(mediaId, contentType, bytes.clone(), complaintId);
		this.images.put(mediaId, image);
		return image;
	}

	public Optional<StoredImage> find(String mediaId) {
		return Optional.ofNullable(this.images.get(mediaId));
	}

}
