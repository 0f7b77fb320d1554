// GLSL ES 1.00, which both WebGL 1 and WebGL 2 contexts compile.

/**
 * Attributes: position (2 or 3 floats; a missing z reads as 0), color (3 normalized bytes) and flags
 * (1 highlighted + 2 selected + 4 hidden). Hidden points are placed outside the clip volume. In 2-D, emphasized points are moved toward the viewer so the depth test draws
 * them over the others in one draw call.
 */
export const vertexShader = `
precision mediump float;
attribute vec3 a_position;
attribute vec3 a_color;
attribute float a_flags;
uniform mat4 u_matrix;
uniform float u_size;
uniform float u_layered;
uniform float u_hasSelection;
uniform float u_focusDistance;
uniform vec3 u_background;
varying vec3 v_color;
varying float v_emphasis;
varying float v_size;

void main() {
  float highlighted = mod(a_flags, 2.0);
  float selected = mod(floor(a_flags / 2.0), 2.0);
  if (a_flags >= 4.0) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    v_color = a_color;
    v_emphasis = 0.0;
    v_size = 1.0;
    return;
  }
  vec4 position = u_matrix * vec4(a_position, 1.0);
  float emphasis = max(highlighted, selected);
  position.z = mix(position.z, -0.5 * emphasis * position.w, u_layered);
  gl_Position = position;
  // In 3-D, points nearer than the orbit target draw larger, farther ones smaller: a depth cue.
  float perspective = u_focusDistance > 0.0 ? clamp(u_focusDistance / position.w, 0.5, 3.0) : 1.0;
  gl_PointSize = u_size * perspective * (1.0 + 1.2 * highlighted + 0.6 * selected * (1.0 - highlighted));
  v_size = gl_PointSize;
  // With a selection, the other points fade toward the background.
  float faded = u_hasSelection * (1.0 - selected) * (1.0 - highlighted);
  v_color = mix(a_color, u_background, 0.72 * faded);
  v_emphasis = emphasis;
}
`;

/**
 * Round disks with a one-pixel soft edge (coverage as alpha, blended: the canvas is not multisampled, which
 * costs about 3× a frame on software renderers); emphasized points get a ring in the outline color.
 */
export const fragmentShader = `
precision mediump float;
uniform vec3 u_outline;
varying vec3 v_color;
varying float v_emphasis;
varying float v_size;

void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float d = length(p);
  float edge = 2.0 / max(v_size, 1.0);
  float coverage = clamp((1.0 - d) / edge + 0.5, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  float ring = v_emphasis * step(0.74, d);
  gl_FragColor = vec4(mix(v_color, u_outline, ring), coverage);
}
`;
