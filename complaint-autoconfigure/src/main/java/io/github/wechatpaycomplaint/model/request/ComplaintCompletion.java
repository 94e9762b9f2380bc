package io.github.wechatpaycomplaint.model.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of the "complete" call, which reports a complaint as handled and sends the user a
 * satisfaction survey.
 *
 * @param complaintedMchid the merchant complained about
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintCompletion(String complaintedMchid) {

	public ComplaintCompletion {
		RequestChecks.text(complaintedMchid, "complainted_mchid", 1, RequestChecks.MAX_ID_LENGTH);
	}

}
