package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A mini program page a reply or an action opens ({@code mini_program_jump_info}).
 *
 * @param appid mini program app id
 * @param path page path
 * @param text page name shown to the user
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MiniProgramJumpInfo(String appid, @Nullable String path, @Nullable String text) {

}
