package io.github.wechatpaycomplaint.crypto;

/**
 * The AES-GCM tag did not match: almost always a wrong APIv3 key (or a resource that was
 * tampered with). Said in those words because a bare
 * {@code AEADBadTagException: Tag mismatch} tells users nothing.
 *
 * @since 0.1.0
 */
public class ApiV3KeyMismatchException extends DecryptionException {

	public ApiV3KeyMismatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
