package io.github.wechatpaycomplaint.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of complaints or of negotiation history records.
 *
 * @param <T> the item type
 * @param data the items of this page
 * @param limit the page size WeChat Pay applied
 * @param offset the 0-based position of the first item
 * @param totalCount the number of items across all pages; WeChat Pay documents it only on
 * the first page ({@code offset=0})
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintPage<T>(List<T> data, @Nullable Integer limit, @Nullable Integer offset,
		@Nullable Integer totalCount) {

	public ComplaintPage {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

}
