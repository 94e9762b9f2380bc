package io.github.wechatpaycomplaint.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of the immediate-service reply: {@code {"log_id": "…"}}.
 *
 * @param logId id of the negotiation record the reply created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ImmediateServiceAnswer(@JsonProperty("log_id") String logId) {

}
