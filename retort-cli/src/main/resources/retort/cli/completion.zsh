#compdef retort
# zsh completion for retort. Load it with:  source <(retort completion zsh)
# or install it:  retort completion zsh > "${fpath[1]}/_retort"
_retort() {
  local -a candidates
  candidates=("${(@f)$(${words[1]} __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "${candidates[1]}" == ":files" ]]; then
    _files
    return
  fi
  compadd -Q -- "${candidates[@]}"
}
if [[ "${funcstack[1]}" == "_retort" ]]; then
  _retort "$@"
else
  compdef _retort retort
fi
