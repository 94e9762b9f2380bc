package io.github.wechatpaycomplaint.client;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * An answer larger than the starter reads: its {@code Content-Length} exceeded the cap,
 * or its body ran past it. The body was not read beyond the cap (at most one byte more),
 * so a host that answers without end cannot exhaust memory.
 *
 * <p>
 * Caps: {@value #MAX_JSON_ANSWER_BYTES} bytes (8 MiB) for a JSON answer,
 * {@value #MAX_IMAGE_BYTES} bytes (4 MiB) for a complaint image download.
 *
 * @since 0.1.0
 */
public class WechatPayAnswerTooLargeException extends WechatPayException {

	/**
	 * Cap of a JSON answer: 8 MiB. The largest page WeChat Pay returns is a negotiation
	 * history page of 300 records; with every documented field at its longest
	 * (500-character details, four image URLs and media lists of 512 characters each, a
	 * rich message of a few KB) one record stays under 20 KB, so such a page under 6 MB.
	 */
	public static final int MAX_JSON_ANSWER_BYTES = 8 * 1024 * 1024;

	/**
	 * Cap of a complaint image: 4 MiB, twice the 2 MB WeChat Pay allows for an uploaded
	 * image, as WeChat Pay documents no limit for the images users attach.
	 */
	public static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;

	private final String operation;

	private final long limit;

	/**
	 * Creates the exception.
	 * @param operation the method and path of the call, without query
	 * @param limit the cap in bytes
	 * @param declaredLength the answer's {@code Content-Length}, or {@code -1} when it
	 * had none or it was within the cap
	 */
	public WechatPayAnswerTooLargeException(String operation, long limit, long declaredLength) {
		super("The answer to " + operation + " is larger than this starter reads (" + limit + " bytes"
				+ ((declaredLength >= 0) ? ", Content-Length: " + declaredLength : "") + "); it was not read further"
				+ (operation.contains("/complaints")
						? ". For a list or a negotiation history, ask for smaller pages (limit)" : ""));
		this.operation = operation;
		this.limit = limit;
	}

	/**
	 * The call whose answer was too large.
	 * @return e.g. {@code GET /v3/merchant-service/complaints-v2}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The cap that was exceeded.
	 * @return the cap in bytes
	 */
	public long getLimit() {
		return this.limit;
	}

}
