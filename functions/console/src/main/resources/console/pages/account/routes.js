// The account area's routes: coming back from signing in, and signing out.
import { finishSignIn, signOut } from './signIn.js'

export const routes = [
  { path: '/auth/callback', public: true, page: () => finishSignIn() },
  { path: '/sign-out', public: true, page: () => signOut() }
]
