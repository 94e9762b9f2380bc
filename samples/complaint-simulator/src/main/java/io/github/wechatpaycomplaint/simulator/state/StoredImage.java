package io.github.wechatpaycomplaint.simulator.state;

/**
 * An image the simulator knows: one a user attached to a complaint, or one the merchant
 * uploaded.
 *
 * @param mediaId the media id
 * @param contentType e.g. {@code image/png}
 * @param bytes the image
 * @param complaintId the complaint of a user image, {@code null} for an upload
 * @since 0.1.0
 */
public record StoredImage(String mediaId, String contentType, byte[] bytes, String complaintId) {

	/**
	 * Whether the merchant uploaded it.
	 * @return {@code true} for uploads, which cannot be downloaded again
	 */
	public boolean uploaded() {
		return this.complaintId == null;
	}

}
