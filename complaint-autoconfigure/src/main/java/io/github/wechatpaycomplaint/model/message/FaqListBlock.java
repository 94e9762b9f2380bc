package io.github.wechatpaycomplaint.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A list of questions ({@code faq_list}).
 *
 * @param faqs the questions
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FaqListBlock(List<Faq> faqs) {

	public FaqListBlock {
		faqs = (faqs != null) ? List.copyOf(faqs) : List.of();
	}

}
