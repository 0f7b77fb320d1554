// A module beside imports.html, imported by it statically and with import().
export const greet = (name) => `hello, ${name}`;
export default 40;
