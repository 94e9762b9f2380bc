package io.github.wechatpaycomplaint.simulator.state;

/**
 * What to file; every {@code null} field is made up by the simulator.
 *
 * @param detail {@code complaint_detail}
 * @param amount the order amount in fen
 * @param problemType {@code REFUND}, {@code SERVICE_NOT_WORK} or {@code OTHERS}
 * @param needImmediateService whether the complaint needs immediate service
 * @since 0.1.0
 */
public record NewComplaint(String detail, Integer amount, String problemType, Boolean needImmediateService) {

	/**
	 * A complaint made up entirely by the simulator.
	 * @return an empty request
	 */
	public static NewComplaint random() {
		return new NewComplaint(null, null, null, null);
	}

}
