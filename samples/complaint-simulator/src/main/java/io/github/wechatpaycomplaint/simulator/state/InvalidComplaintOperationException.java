package io.github.wechatpaycomplaint.simulator.state;

/**
 * An operation the complaint's state does not allow, e.g. completing a processed
 * complaint; WeChat Pay answers 400 {@code INVALID_REQUEST}.
 *
 * @since 0.1.0
 */
public class InvalidComplaintOperationException extends RuntimeException {

	public InvalidComplaintOperationException(String message) {
		super(message);
	}

}
