/**
 * Set when the server answers 401 to a signed-in user: the sign-in page then says the session
 * ended (rather than greeting a first visit), and the reader is brought back afterwards.
 */
let ended = false;

export const markSessionEnded = () => {
  ended = true;
};
export const clearSessionEnded = () => {
  ended = false;
};
export const sessionHasEnded = () => ended;
