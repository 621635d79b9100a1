import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { sessionQuery } from '../features/auth';
import { I18nProvider } from '../i18n';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { markSessionEnded } from '../lib/session-ended';
import { queryClient } from './query-client';
import { AppRoutes } from './router';

/**
 * A 401 while signed in means the session ended (idle timeout, signed out elsewhere). Forgetting
 * the user makes the session guard send the reader to sign in, with the page they were on as
 * `returnTo`, and the sign-in page brings them back there.
 */
setUnauthenticatedHandler(() => {
  if (!queryClient.getQueryData(sessionQuery().queryKey)) return;
  markSessionEnded();
  queryClient.setQueryData(sessionQuery().queryKey, null);
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>{children}</I18nProvider>
    </QueryClientProvider>
  );
}

export function App() {
  return (
    <StrictMode>
      <Providers>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </Providers>
    </StrictMode>
  );
}
