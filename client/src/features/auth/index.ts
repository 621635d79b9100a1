export { sessionQuery, useSession } from './api/get-session';
export { useSignOut } from './api/sign-out';
export { SignInPage } from './components/sign-in-page';
export { useUser } from './hooks/use-user';
export { ChangePasswordPage } from './components/change-password-page';
