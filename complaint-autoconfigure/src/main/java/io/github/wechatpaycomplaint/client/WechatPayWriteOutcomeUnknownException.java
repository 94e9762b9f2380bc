package io.github.wechatpaycomplaint.client;

import io.github.wechatpaycomplaint.WechatPayException;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;

/**
 * A write (reply, complete, refund approval, image upload, notification URL change) that
 * left but got no answer: a read timeout, or the connection reset after the request was
 * sent; or got a success answer that failed verification (the
 * {@link SignatureVerificationException} is the cause). WeChat Pay may have applied it.
 *
 * <p>
 * Before sending it again, look at the complaint ({@code getComplaint}) or its
 * negotiation history ({@code streamNegotiationHistory}), or query the notification URL,
 * to see whether it took effect. A write that provably never left (refused connection,
 * connect timeout, unknown host) is not this exception: it fails as before (Spring's
 * {@code ResourceAccessException}), after the retries and the failover to the backup host
 * that such failures allow.
 *
 * @since 0.1.0
 */
public class WechatPayWriteOutcomeUnknownException extends WechatPayException {

	private final String operation;

	/**
	 * Creates the exception.
	 * @param operation the method and path of the write, without query
	 * @param cause the I/O failure
	 */
	public WechatPayWriteOutcomeUnknownException(String operation, Throwable cause) {
		this(operation, operation + " was sent but no answer came (" + cause.getClass().getSimpleName() + ")", cause);
	}

	private WechatPayWriteOutcomeUnknownException(String operation, String what, Throwable cause) {
		super(what + ": WeChat Pay may have applied it. Check the complaint or its negotiation history (or query the "
				+ "notification URL) before sending it again", cause);
		this.operation = operation;
	}

	/**
	 * A write whose success answer arrived but failed verification (an unknown serial
	 * after a certificate rotation, say): the answer cannot be trusted, but the write may
	 * have been applied.
	 * @param operation the method and path of the write, without query
	 * @param cause the verification failure
	 * @return the exception
	 */
	static WechatPayWriteOutcomeUnknownException unverifiedAnswer(String operation,
			SignatureVerificationException cause) {
		return new WechatPayWriteOutcomeUnknownException(operation,
				operation + " got a success answer that failed verification (" + cause.getReason() + ")", cause);
	}

	/**
	 * A write whose success answer arrived but was larger than any answer WeChat Pay
	 * sends, so it was not read: the write may have been applied.
	 * @param operation the method and path of the write, without query
	 * @param cause the refusal of the answer
	 * @return the exception
	 */
	static WechatPayWriteOutcomeUnknownException unreadAnswer(String operation,
			WechatPayAnswerTooLargeException cause) {
		return new WechatPayWriteOutcomeUnknownException(operation,
				operation + " got a success answer too large to read", cause);
	}

	/**
	 * The write whose outcome is unknown.
	 * @return e.g.
	 * {@code POST /v3/merchant-service/complaints-v2/200201820200101080076610000/complete}
	 */
	public String getOperation() {
		return this.operation;
	}

}
